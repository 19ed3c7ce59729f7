"""The IO boundary: database engine, tables, repositories, seed loading and export."""
