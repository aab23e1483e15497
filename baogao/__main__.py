"""``python -m baogao``."""

from .cli import main

main()
