"""The curator's dashboard: charts, coverage gaps and tables over the query log, on a web page."""
