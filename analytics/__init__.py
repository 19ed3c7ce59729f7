"""Pure pandas analytics: periods, transformations, search, targets and formatting."""
