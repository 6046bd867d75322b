"""Scenarios run through official gazu 1.3.1 and through ours on the same
server (tests/side_by_side.py's ``run_script(..., scenario=name)``), each a
module whose ``run(call)`` makes gazu calls through ``call``, the recorder
of tests/gazu_script.py (``call(label, function, *args)``). A scenario
imports nothing but ``gazu`` and the standard library, and marks what it
creates with ``call.marker`` so two runs on one server compare.

A scenario may declare ``DEPARTURES = {label: reason}``, the calls whose
answers differ from official gazu's on purpose, and ``NOT_SIDE_BY_SIDE =
{"module.function": reason}``, the functions it cannot run through both
(the reason says where they are tested against the real server instead)."""
