"""The one exception type that the CLI turns into a one-line message and exit 2."""


class InputError(Exception):
    """Unusable input or arguments: a missing, empty, binary or undecodable
    file, a page with no article body, an unknown language code..."""
