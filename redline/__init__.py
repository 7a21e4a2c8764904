"""redline: a sourced, structured record of a negotiation or conflict, from raw news."""

__version__ = "0.1.0"
