"""Files for people outside the site: chart images and CSVs, the data ZIP, the share card, the light version."""
