"""Pages' served URLs, computed in one place (build_scripts/site_paths.py), match MkDocs'."""

import pytest

from build_scripts.site_paths import relative, served, to_root


@pytest.mark.parametrize(
    ("page", "url"),
    [
        ("index.md", ""),
        ("card.md", "card/"),
        ("bodies/index.md", "bodies/"),
        ("procedure/rules.md", "procedure/rules/"),
        ("bodies/women_protection_units/rules.md", "bodies/women_protection_units/rules/"),
    ],
)
def test_a_page_is_served_as_mkdocs_serves_it(page, url):
    assert served(page) == url


def test_links_between_pages_are_relative_to_the_served_url():
    assert relative("index.md", "procedure/rules.md#p-12") == "procedure/rules/#p-12"
    assert relative("procedure/rules.md", "card.md") == "../../card/"
    assert relative("bodies/index.md", "bodies/police.md") == "police/"
    assert relative("card.md", "card.md#closing") == "#closing"
    assert relative("training/test.md", "index.md") == "../../"


def test_the_way_to_the_root_counts_the_language_folder():
    assert to_root("index.md", "kk") == ""
    assert to_root("index.md", "ru") == "../"
    assert to_root("procedure/rules.md", "ru") == "../../../"
