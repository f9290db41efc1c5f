"""The knowledge base and everything computed from law: pure, no chat, storage or I/O beyond its data files."""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
