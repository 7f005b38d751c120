"""``figcheck serve``: a local page where an editor pastes a draft or drops a file and sees the HTML report."""
