"""熟人小区 (Shuren Xiaoqu): a desktop app for a neighborhood party branch."""

__version__ = "0.1.0"
