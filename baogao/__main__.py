"""``python -m baogao``."""

from baogao.cli import main

main()
