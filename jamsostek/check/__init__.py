"""The check (/cek-iuran): answers read from the URL, the outcome in words, and the form's URL logic."""
