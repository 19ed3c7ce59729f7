"""Pure pandas: transformations, observations as series, search, plan targets, formatting,
residual diagnostics and interval calibration, and safe CSV/XLSX export."""
