"""The MkDocs edge: configuration, the clock, and handing generated pages to MkDocs.

Everything else happens in :mod:`duban.load.project` (load and check the data) and
:mod:`duban.site` (pure functions that build strings). Only the core plugin API is used:
``on_config``, ``on_files`` with ``File.generated`` and ``on_serve``, so moving to another site
engine later means rewriting this one module. Generated pages reach MkDocs as placeholders whose
HTML is put in place in ``on_page_content``, past Markdown (:mod:`duban.plugin.handoff`).

Builds are atomic (:class:`AsideBuild`): the data is validated in ``on_config``, before MkDocs
cleans ``site_dir``; the site is built into a temporary folder beside ``site_dir`` and swapped in
only when the whole build succeeded, so invalid data, a failed or an interrupted build leave the
previous site as it was. The swap exchanges the two folders in one step where the system can
(:mod:`duban.site.swap`), and the next build clears what a killed one left. ``mkdocs serve``
builds into its own temporary folder: no swap there.

mkdocs.yml::

    plugins:
      - search
      - duban:
          data_dir: data            # the data folder, relative to mkdocs.yml
          as_of: ""                 # YYYY-MM-DD; empty means the day of the build
          language: zh              # zh | en: the site's UI text
          due_soon_days: 30
          edit_url: https://github.com/OWNER/REPO/edit/main/   # "edit this record" links
          site_title: ""            # the site's name when the data holds several plans
          site_size_limit: 1GB      # warn (--strict: fail) when the built site is larger
          page_cache: ""            # a folder of pages kept between builds (page_cache.py),
                                    # outside the repository; empty: off

mkdocs.yml may leave out ``site_name`` and ``site_description``: they then come from the data
(one plan: its short name or title, and its description; several: ``site_title``, else the
locale's generic name).
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files

from duban.evaluation.cascade import local_implementers, merged
from duban.i18n.locale import load_locale
from duban.i18n.messages import say, set_language, translate
from duban.load.project import Project, find_schema_dir
from duban.model.deadlines import WorkingDaysUnknown
from duban.outputs import urls
from duban.outputs.federation import rows_by_target
from duban.plugin.aside import AsideBuild
from duban.plugin.build_log import log_warnings
from duban.plugin.cache_hooks import CacheEvents, CacheHooks
from duban.plugin.federation import federation
from duban.plugin.handed_files import handed_files
from duban.plugin.handoff import Handoff
from duban.plugin.live import LiveData
from duban.plugin.serve_downloads import LaterDownloads
from duban.plugin.serve_files import LinkedFile, TemplateCode
from duban.plugin.serve_spill import Spill
from duban.plugin.settings import (
    DubanConfig,
    as_of_setting,
    check_edit_url,
    check_repository,
    render_processes_setting,
    size_limit_setting,
)
from duban.plugin.size_check import check_site_size
from duban.site import (
    Settings,
    asset_files,
    render_site,
    site_description,
    site_title,
)
from duban.site.cues import page_words
from duban.site.examples import fill_examples
from duban.site.page_problems import (
    nav_pages,
    page_title,
    problem_list,
    problem_report,
    problems_page,
)
from duban.site.search_words import search_words
from duban.site.theme import THEME_DIR, not_found_words

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.pages import Page

    from duban.load.project import Project
    from duban.model.model import Model
    from duban.model.problems import Problem

log = logging.getLogger("mkdocs.plugins.duban")


class DubanPlugin(CacheEvents, BasePlugin[DubanConfig]):
    command = "build"  # when MkDocs is run from Python, without on_startup
    aside: AsideBuild | None = None
    project: Project | None = None  # the loaded data, from on_config until on_files
    # `mkdocs serve` only: the problems of invalid data, shown on every page instead of failing
    problems: tuple[Problem, ...] = ()
    # the last good build's generated pages, with their titles
    served_pages: Mapping[str, str | None] = MappingProxyType({})
    problem_pages: frozenset[str] = frozenset()  # the pages that show only the problems
    site_name: str = ""  # the last good build's site name, kept while the data is invalid

    def __init__(self) -> None:
        super().__init__()
        self.handoff = Handoff()  # generated pages past Markdown, search past excluded tables
        self.cache = CacheHooks()  # pages kept between builds (page_cache; serve: in memory)
        self.data = LiveData()  # serve: the last model, updated by the status files changed
        self.later = LaterDownloads()  # serve: the whole-plan downloads after the pages (h24n)
        self.templates = TemplateCode()  # serve: the theme's templates compiled once (h24n)
        self.spill = Spill()  # the build's downloads as made (serve: kept, h24ae)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.cache.dirty = command, dirty  # h24p: `serve --dirty` keeps files

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Material's search segments Chinese with jieba, which logs its dictionary loading to
        # stderr at DEBUG level on every build: noise in a build log that should show problems.
        logging.getLogger("jieba").setLevel(logging.WARNING)
        self.later.wait(stop=True)  # serve: the last build's downloads, before the next load
        root = Path(config.config_file_path or ".").resolve().parent
        self.data_dir = (root / self.config.data_dir).resolve()
        self.schema_dir = find_schema_dir(self.data_dir)
        # problems (and the settings' errors) print in the site's language unless DUBAN_LANG
        # chooses one
        set_language(None if os.environ.get("DUBAN_LANG") else self.config.language)
        self.as_of = as_of_setting(self.config.as_of, dt.date.today())
        self.edit_url = check_edit_url(self.config.edit_url)
        self.render_processes = render_processes_setting(self.config.render_processes)
        self.repository = check_repository(self.config.repository)
        self.size_limit = size_limit_setting(self.config.site_size_limit)
        if not re.fullmatch(r"[A-Za-z0-9._/-]{1,100}", self.config.branch):
            raise PluginError(
                say(
                    f"duban: branch {self.config.branch!r} is not a branch name",
                    f"duban：branch {self.config.branch!r} 不是有效的分支名",
                )
            )
        if self.config.due_soon_days < 0:
            raise PluginError(
                say(
                    "duban: due_soon_days must not be negative",
                    "duban：due_soon_days 不能是负数",
                )
            )
        try:
            self.data_path = self.data_dir.relative_to(root).as_posix()
        except ValueError:  # data outside the repository: no edit links can point at it
            self.data_path, self.edit_url, self.repository = "", None, None
        self.cache.configure(self.config.page_cache, root, self.data_dir, self.command)
        # validate before MkDocs cleans site_dir; the site's words come from the data by default
        self.project = self.data.load(
            self.command, self.data_dir, self.schema_dir, self.cache.parsed
        )
        self.cache.loaded(self.data.live.status_digests)  # digests of the bytes loaded (h24l/m)
        self.later.start(self.command == "serve", self.data.live.updated, self.cache.memo)
        self.problems = ()
        if not self.project.ok or self.project.model is None:
            if self.command != "serve":
                raise PluginError(problem_report(self.project.problems))
            # previewing: the browser shows the problems (on_files), the terminal too
            self.problems, self.project = tuple(self.project.problems), None
            for line in problem_report(self.problems).splitlines():
                log.error(line)
            if not (config.site_name or "").strip():
                generic = load_locale(self.config.language).site_title
                config.site_name = self.site_name or str(escape(generic))
        else:
            self._name_the_site(config, self.project.model)
        # our stylesheet and script, served from the site itself like Material's own
        if urls.ASSET_CSS not in config.extra_css:
            config.extra_css.append(urls.ASSET_CSS)
        if urls.ASSET_JS not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(urls.ASSET_JS)
        # the theme's own pages in the site's language (404.html), before Material's templates
        theme_dir = os.fspath(THEME_DIR)
        if theme_dir not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, theme_dir)
        if self.command != "serve":
            self.aside = AsideBuild.start(config)
        if self.project is not None:  # after start(): its count makes --strict keep site/
            log_warnings(self.project.warnings)
        return config

    def _name_the_site(self, config: MkDocsConfig, model: Model) -> None:
        # HTML-escaped: MkDocs and Material print both into pages without escaping them
        if not (config.site_name or "").strip():
            settings = Settings(as_of=self.as_of, site_title=self.config.site_title or None)
            name = site_title(model, settings, load_locale(self.config.language))
            config.site_name = str(escape(name))
        self.site_name = config.site_name
        if not (config.site_description or "").strip():
            description = site_description(model)
            config.site_description = str(escape(description)) if description else None

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if self.problems:
            return self._problem_files(files, config)
        project = self.project
        assert project is not None and project.model is not None
        settings = Settings(
            as_of=self.as_of,
            language=self.config.language,
            due_soon_days=self.config.due_soon_days,
            edit_url=self.edit_url,
            repository=self.repository,
            branch=self.config.branch,
            data_path=self.data_path,
            directory_urls=config.use_directory_urls,
            site_url=config.site_url,
            data_files=frozenset(d.file for d in project.documents if d.file),
            site_title=self.config.site_title or None,
        )
        settings, sources = federation(project, settings, self.as_of, self.config.refresh_sources)
        # Only the model is needed from here on (and for the guide's examples): the loaded
        # documents, with every value's position, are let go before rendering.
        model = project.model
        self.model, self.project = model, None
        # the organisation's names become words of the search (in place of the last build's)
        self.jieba_words = self.cache.words.given(search_words(model))  # h24x: used when cut
        del project
        # the one evaluation of this build: every page, download and calendar reads it
        try:
            evaluation = self.data.evaluate(model, self.as_of, self.config.due_soon_days)
        except WorkingDaysUnknown as error:  # one line, no traceback
            raise PluginError(translate(str(error))) from None
        # The model and the evaluation live as long as the build. Left in the collector's
        # generations, every full collection walks them again, while rendering and while MkDocs
        # renders thousands of pages (a fifth of a province's build): freeze them into the
        # permanent generation, as long-lived servers do after start-up, and again below.
        if self.command != "serve":  # serving (h24n): a collection a build, not two, is enough
            gc.collect()
        gc.freeze()
        # downloads go to a folder of their own as soon as each is made, and MkDocs copies
        # them from there: a province's calendars are hundreds of MB, better not all in memory
        spill = self.spill.start(self.command == "serve")  # h24ae: serving, kept (serve_spill)
        # the rows below each upper task: this folder's own and, beside them, the sources'
        implementers = (
            merged(local_implementers(model, evaluation), rows_by_target(settings.federated))
            if settings.federated
            else None
        )
        site = render_site(
            model,
            settings,
            evaluation,
            sink=self.spill.put,
            processes=self.render_processes,
            implementers=implementers,
            sources=sources,
            memo=self.cache.memo,
            later=self.later.take,
        )
        if self.command == "serve":
            self.later.keep(model, spill)
        self.cache.sources(site.pages)
        generated: dict[str, str | bytes] = {**site.pages, **asset_files()}
        uris = [*generated, *site.sizes]
        clashes = sorted(uri for uri in uris if files.get_file_from_path(uri) is not None)
        if clashes:
            raise PluginError(
                say(
                    "duban: these files in docs/ clash with generated pages; remove them: ",
                    "duban：docs/ 中的这些文件与生成的页面同名，请删除：",
                )
                + ", ".join(clashes)
            )
        # each page's HTML waits for on_page_content; Markdown reads only the headings
        for file in handed_files(config, self.handoff, generated):  # h24l: made when read
            files.append(file)
        self.served_pages = {
            uri: page_title(text) for uri, text in site.pages.items() if uri.endswith(".md")
        }
        for uri in site.sizes:
            path = self.later.source(uri) or spill / uri
            kind = LinkedFile if self.command == "serve" else File  # serve: linked (h24n)
            files.append(kind.generated(config, uri, abs_src_path=os.fspath(path)))
        gc.collect()
        gc.freeze()  # the pages too, now
        return self.cache.loop_files(files)  # h24p: reused pages kept out of MkDocs' loop

    jieba_words: tuple[str, ...] = ()  # the names added to jieba by the last build

    def _problem_files(self, files: Files, config: MkDocsConfig) -> Files:
        """While serving invalid data: the problem page at every page the last good build
        generated (the browser reloads the one it is on), at the home page and at every page the
        nav names, where docs/ holds none."""
        self.handoff.clear()
        self.cache.drop()
        wanted = {"index.md", *self.served_pages, *nav_pages(config.nav)}
        self.problem_pages = frozenset(u for u in wanted if files.get_file_from_path(u) is None)
        for uri in sorted(self.problem_pages):
            page = problems_page(self.problems, self.config.language, self.served_pages.get(uri))
            files.append(File.generated(config, uri, content=page))
        for uri, content in asset_files().items():
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, content=content))
        return files

    model: Model | None = None  # the data's model, kept after on_files for the guide's examples

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        env.globals["duban_404"] = not_found_words(self.config.language)
        if self.command == "serve":
            env.bytecode_cache = self.templates
        return env

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if self.problems:  # previewing invalid data: the problems first, on every page
            if page.file.src_uri in self.problem_pages:
                return markdown  # the problem page itself
            markdown = f"{problem_list(self.problems, self.config.language)}\n\n{markdown}"
        if self.cache.markdown(markdown, page):  # a page the cache gives whole
            return ""
        # hand-written pages (the guide) show examples made from this repository's own data
        if self.model is not None:  # invalid data from the start of a preview: no examples
            markdown = fill_examples(markdown, self.model, page.file.src_uri)
        self.cache.rendered(markdown, page)  # h24p: serving, its render kept while the same
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if self.cache.content(page):
            return ""  # a page the cache gives whole
        html = self.handoff.content(html, page)  # a generated page's HTML, past Markdown
        # the scroll cue's words (duban.js shows them over a box wider than the screen), on
        # every page: hand-written pages have code blocks and tables that scroll too
        return html + page_words(self.config.language)

    @event_priority(-100)  # after every other plugin's on_post_build (search writes its index)
    def _after_build(self, *, config: MkDocsConfig) -> None:
        gc.unfreeze()  # `mkdocs serve` builds again: the next build's objects replace these
        self.spill.end()  # MkDocs has copied (serve: linked) the downloads into the site
        self.handoff.clear()
        self.cache.end()
        self.later.after(config.site_dir)  # serve: once this build is served
        if self.command != "serve":  # what a host would be sent: the built folder
            check_site_size(config.site_dir, self.size_limit)
        if self.aside is not None:
            aside, self.aside = self.aside, None
            aside.finish(config)

    on_post_build = CombinedEvent(CacheEvents._index_kept, _after_build)

    def on_build_error(self, *, error: BaseException) -> None:
        gc.unfreeze()
        self.spill.drop()
        self.handoff.clear()
        self.cache.drop()
        if self.aside is not None:
            aside, self.aside = self.aside, None
            aside.abandon()

    def on_shutdown(self) -> None:
        self.on_build_error(error=KeyboardInterrupt())  # an interrupted build: MkDocs' finally
        self.later.close()

    def on_serve(
        self,
        server: LiveReloadServer,
        /,
        *,
        config: MkDocsConfig,
        builder: Callable[..., Any],
    ) -> LiveReloadServer:
        # `mkdocs serve` rebuilds when the data or its schemas change, not only docs/
        for folder in (self.data_dir, self.schema_dir):
            if Path(folder).is_dir():
                server.watch(os.fspath(folder))
        return server
