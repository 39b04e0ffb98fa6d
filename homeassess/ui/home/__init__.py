"""The home screen: the list of assessments."""
