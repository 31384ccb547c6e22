"""Reports: Markdown, CSV, HTML, PDF and Excel renderings of a comparison."""
