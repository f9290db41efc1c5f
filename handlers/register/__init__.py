"""The deadline register (sổ theo dõi thời hạn); its routes are in ``handlers.register.routes``."""
