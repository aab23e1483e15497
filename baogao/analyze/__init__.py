"""Analysis across reports: targets against results, comparison, diffs, topic attention."""
