"""The deadline register (sổ theo dõi thời hạn): /theodoi, tracked items, their events."""
