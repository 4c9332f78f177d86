"""Model scores behind small interfaces; heavy back-ends load lazily."""
