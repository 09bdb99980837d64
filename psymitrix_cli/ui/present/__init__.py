"""Present mode: full-screen, room-sized breathing and questionnaires for a projector."""
