"""The HTTP API: a thin FastAPI layer over stored queries.

The graph reads (researchers, graph slice, suggestions, topics, teams, works, paths) are `async`
routes that run their service call in a worker thread (`run_in_threadpool`) and check the
answer against its response model on the event loop. A plain `def` route costs two hand-offs to
the thread pool per request, the second only to check the model: under load that check queued
behind other requests' database calls for one of the `GRAPHSVC_REQUEST_THREADS` threads.
"""
