"""The street-office receiver `shuren-street` (docs/architecture.md, "Sync"; README, 街道办接收端).

``storage`` does all the file and registry work and needs no HTTP; ``app`` is the FastAPI
front; ``cli`` the command line. Nothing here imports Qt or the app's store, services or UI.
"""
