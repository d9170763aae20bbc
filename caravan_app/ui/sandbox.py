"""A web view for pages the program did not make here, e.g. a field kit's map: the page may run its
scripts and draw, but it can read no local file and reach no network, and it cannot navigate away.

The page is served from memory under its own scheme (caravan-page:), never written to disk and never
loaded from file:, so Chromium's own rule keeps file: out of its reach; a private, off-the-record
profile blocks every request but the page itself and the data: and blob: URLs it builds, and refuses
navigation to anything else, popups included. Local storage, cookies and the cache are off.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QUrl
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

_log = logging.getLogger(__name__)

SCHEME = b"caravan-page"
PAGE_URL = QUrl("caravan-page:page")
# What the page may build for itself (Leaflet's icons and the inlined fonts are data: URLs).
_INLINE = ("data", "blob")


def register_scheme() -> None:
    """Tell the web engine about the page scheme; Qt wants this before the QApplication exists (after
    it, the scheme still works, with a warning)."""
    if QCoreApplication.instance() is not None or QWebEngineUrlScheme.schemeByName(QByteArray(SCHEME)).name():
        return
    scheme = QWebEngineUrlScheme(QByteArray(SCHEME))
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Path)
    scheme.setFlags(QWebEngineUrlScheme.Flag.SecureScheme)
    QWebEngineUrlScheme.registerScheme(scheme)


class _OnlyThePage(QWebEngineUrlRequestInterceptor):
    """Blocks every request but the page's own and what it builds inline: no network, no file."""

    def __init__(self, parent: QWebEngineProfile) -> None:
        super().__init__(parent)
        self.blocked: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 - Qt's name
        url = info.requestUrl()
        if url == PAGE_URL or url.scheme() in _INLINE:
            return
        self.blocked.append(url.toString()[:200])
        _log.warning("a sandboxed page asked for %s; refused", url.toString()[:200])
        info.block(True)


class _PageServer(QWebEngineUrlSchemeHandler):
    """Answers the one page URL with the bytes held in memory."""

    def __init__(self, html: bytes, parent: QWebEngineProfile) -> None:
        super().__init__(parent)
        self.html = html

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 - Qt's name
        if job.requestUrl() != PAGE_URL:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        body = QBuffer(job)
        body.setData(QByteArray(self.html))
        body.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(QByteArray(b"text/html;charset=utf-8"), body)


class SandboxPage(QWebEnginePage):
    """Stays on its page: any navigation elsewhere (a link, a script setting location, a form) is refused."""

    def __init__(self, profile: QWebEngineProfile, parent: QWidget) -> None:
        super().__init__(profile, parent)
        self.refused: list[str] = []

    def acceptNavigationRequest(  # noqa: N802 - Qt's name
        self, url: QUrl | str, kind: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        url = QUrl(url)
        if url == PAGE_URL or (not is_main_frame and url.scheme() in _INLINE):
            return True
        self.refused.append(url.toString()[:200])
        _log.warning("a sandboxed page tried to go to %s; refused", url.toString()[:200])
        return False


def _private_profile(parent: QWidget) -> QWebEngineProfile:
    profile = QWebEngineProfile(parent)  # no storage name: off the record, nothing kept on disk
    profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.NoCache)
    profile.setPersistentCookiesPolicy(QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies)
    settings = profile.settings()
    a = QWebEngineSettings.WebAttribute
    for attribute, on in (
        (a.LocalContentCanAccessFileUrls, False),
        (a.LocalContentCanAccessRemoteUrls, False),
        (a.JavascriptCanOpenWindows, False),
        (a.JavascriptCanAccessClipboard, False),
        (a.JavascriptCanPaste, False),
        (a.LocalStorageEnabled, False),
        (a.PluginsEnabled, False),
        (a.PdfViewerEnabled, False),
        (a.AllowRunningInsecureContent, False),
        (a.AllowGeolocationOnInsecureOrigins, False),
        (a.NavigateOnDropEnabled, False),
        (a.WebRTCPublicInterfacesOnly, True),
        (a.DnsPrefetchEnabled, False),
    ):
        settings.setAttribute(attribute, on)
    return profile


class SandboxView(QWebEngineView):
    """A view that shows one page held in memory, in the sandbox described above."""

    def __init__(self, html: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        profile = _private_profile(self)
        self.interceptor = _OnlyThePage(profile)
        profile.setUrlRequestInterceptor(self.interceptor)
        self.server = _PageServer(html, profile)
        profile.installUrlSchemeHandler(QByteArray(SCHEME), self.server)
        self.sandbox_page = SandboxPage(profile, self)
        # The page goes before its profile: Qt warns otherwise.
        profile.setParent(self.sandbox_page)
        self.setPage(self.sandbox_page)

    def show_page(self) -> None:
        self.sandbox_page.load(PAGE_URL)


__all__ = ["PAGE_URL", "SCHEME", "SandboxPage", "SandboxView", "register_scheme"]
