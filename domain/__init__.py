"""The Cockpit's shared vocabulary: what every other room names the same way.

Frequencies, observation statuses, roles, actions and page keys are enums here
(:mod:`domain.vocabulary`); periods and their calendars are in :mod:`domain.periods`; the error
types every layer raises are in :mod:`domain.errors`; the headline indicators of the Overview in
:mod:`domain.headlines`. This package imports nothing else of the Cockpit.
"""
