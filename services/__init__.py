"""One function per action a person or a system takes.

Each checks the role (``services.permissions``), runs the transaction, and writes the audit row
(``data.audit.record``) in it. Views, the API, jobs and the command line call these for every
write; ``data/`` below stores and reads, and imports no service.
"""
