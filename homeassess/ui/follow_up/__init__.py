"""The follow-up visit in the window: the installed items of a follow-up and the outcome measures of any visit."""
