"""The ORM core: the model base, relation descriptors, the list type of
queries, the identity map, the model registry and the interface a model
needs of its session. Nothing here knows a concrete model or the HTTP API."""
