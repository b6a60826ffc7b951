// Lab engine: see issue 3.
