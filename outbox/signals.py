from django.dispatch import Signal

# Sent once an e-mail has been handed to the mail server; arguments: key, sent_at.
email_sent = Signal()
