"""PDF reports, one per audience, from plain data (``report_data``) to bytes (``build``).

Pure ReportLab: no Qt, no store, no services. See docs/reports.md for what each
audience's report contains and what it leaves out.
"""
