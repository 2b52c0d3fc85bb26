"""Jamsostek Jambi: data, rules and formatting behind the explainer site."""
