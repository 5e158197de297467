"""eventwire's HTTP API (`eventwire serve`): a FastAPI application over a store, one module per resource.

:func:`eventwire.api.app.create_app` builds it; the routes' query functions (``events.events``,
``actors.timeline``, ``network.network`` ...) take an open :class:`eventwire.store.Store` and can be called
without a server. Nothing is imported here, so that the command line reads :mod:`.access` without FastAPI.
"""
