"""The audit room: rules over a folder of records (completeness, consistency, each finding with its
page), a self-contained HTML report and CSV findings for auditors."""
