"""The newsclean command (installed as `newsclean`; also `python -m newsclean`).

With no argument at all it cleans stdin to stdout without loading the option
parser (click), so the plain pipe starts fast; anything else goes through cli.py.
"""

import sys


def main() -> None:
    from . import command

    if len(sys.argv) <= 1:
        command.run(command.clean_stdin)
    from .cli import entry

    command.run(entry)


if __name__ == "__main__":
    main()
