"""The Qt interface. Only desktop.app imports this package."""
