class IntakeRefused(Exception):
    """A file or request we will not take; the message is for the person sending it, translated."""

    def __init__(self, message, *, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status
