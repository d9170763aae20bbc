"""The desktop program (PySide6): the only layer that imports Qt.

Widgets read and write through services/, long work runs in worker threads that talk to widgets
by signals only, and every visible string goes through Qt's translation (resources/i18n/).
"""
