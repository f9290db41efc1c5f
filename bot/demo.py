"""The console demo: a demo province, a few regional units and a demo administrator,
so a newcomer can try everything at once. Seeded only into an empty database.

And the console's local person outside the demo: named from ``BOT_CONSOLE_NAME``, else the operating
system's user (full name, else login), never a placeholder a unit head reading lists and audit entries
cannot tell apart (review8 C25); a database that stored a placeholder gets the name at the next start."""

from __future__ import annotations

import getpass
import logging
import os

from knowledge.kb.normalize import fold
from storage.facilities import FacilityInput
from storage.repositories import Repositories
from storage.users import Role, User

logger = logging.getLogger(__name__)

CONSOLE_USER_ID = "local"
CONSOLE_CHAT_ID = "local"
DEMO_ADMIN_NAME = "Quản trị demo"
DEMO_UNITS = (
    ("DEMO", "VKSND tỉnh Demo", "tinh", None),
    ("DEMO-KV1", "VKSND khu vực 1 (Demo)", "khu_vuc", "DEMO"),
    ("DEMO-KV2", "VKSND khu vực 2 (Demo)", "khu_vuc", "DEMO"),
    ("DEMO-KV3", "VKSND khu vực 3 (Demo)", "khu_vuc", "DEMO"),
)

# A few custody facilities per demo unit (kind sets the default check frequency).
DEMO_FACILITIES = {
    "DEMO": (("Trại tạm giam Công an tỉnh Demo", "trai_tam_giam", "Xã Demo, tỉnh Demo"),),
    "DEMO-KV1": (
        ("Nhà tạm giữ Công an khu vực 1", "nha_tam_giu", "Số 1 đường Demo, khu vực 1"),
        ("Buồng tạm giữ Đồn Biên phòng Demo", "buong_tam_giu_don_bien_phong", "Cửa khẩu Demo"),
    ),
    "DEMO-KV2": (("Nhà tạm giữ Công an khu vực 2", "nha_tam_giu", "Số 2 đường Demo, khu vực 2"),),
    "DEMO-KV3": (("Nhà tạm giữ Công an khu vực 3", "nha_tam_giu", "Số 3 đường Demo, khu vực 3"),),
}


LOCAL_NAME = "Người dùng trên máy"  # the placeholder earlier versions stored: renamed at start


def local_name(configured: str | None = None) -> str:
    """The local person's name: ``configured`` (BOT_CONSOLE_NAME), else the OS user's full name, else
    «login (trên máy)»; the placeholder only when the system names nobody."""
    if configured and configured.strip():
        return " ".join(configured.split())[:60]
    full = login = ""
    try:
        import pwd  # POSIX only

        entry = pwd.getpwuid(os.getuid())
        full, login = entry.pw_gecos.split(",")[0].strip(), entry.pw_name
    except (ImportError, KeyError):
        pass
    if not login:
        try:
            login = getpass.getuser()
        except (OSError, KeyError):  # no user name in the environment nor the password database
            login = ""
    if full and full != login:
        return " ".join(full.split())[:60]
    return f"{login[:40]} (trên máy)" if login.strip() else LOCAL_NAME


def console_identity(name: str | None, *, local: str = DEMO_ADMIN_NAME) -> tuple[str, str]:
    """The platform id and display name of a console person: the local person, named ``local`` (the demo
    administrator in the demo; outside it someone who registers with ``/start CODE`` like anyone), or
    ``--as NAME``, a separate local account (registered with ``/start CODE`` like anyone)."""
    if name is None or not name.strip():
        return CONSOLE_USER_ID, local
    shown = " ".join(name.split())[:60]
    slug = fold(shown).replace(" ", "-") or shown.encode().hex()[:40]
    return "as:" + slug, shown


async def seed_demo(repos: Repositories) -> bool:
    """Create the demo tree if the database has no units yet. Returns whether it seeded."""
    if await repos.units.count() > 0:
        return False
    for code, name, level, parent in DEMO_UNITS:
        unit = await repos.units.add(code, name, level, parent)
        sites = DEMO_FACILITIES.get(code, ())
        await repos.facilities.import_rows(unit.id, [FacilityInput(*site) for site in sites])
    logger.info("seeded the demo province with %d units", len(DEMO_UNITS))
    return True


async def ensure_demo_admin(repos: Repositories) -> User | None:
    """The console's demo administrator, attached to the demo province only: a database whose
    units are not the demo's (a real province) never gets an administrator it did not invite."""
    existing = await repos.users.by_platform("console", CONSOLE_USER_ID)
    if existing is not None:
        return existing
    top_code = DEMO_UNITS[0][0]
    demo_top = await repos.units.by_code(top_code)
    if demo_top is None or demo_top.parent_id is not None:
        return None
    return await repos.users.create("console", CONSOLE_USER_ID, DEMO_ADMIN_NAME, demo_top.id, Role.ADMIN)


async def ensure_console_admin(repos: Repositories) -> User:
    """In console mode the local user is the demo administrator of the top unit."""
    existing = await repos.users.by_platform("console", CONSOLE_USER_ID)
    if existing is not None:
        return existing
    units = await repos.units.all()
    top = next((u for u in units if u.parent_id is None), None)
    if top is None:
        raise RuntimeError("no unit to attach the console administrator to")
    return await repos.users.create("console", CONSOLE_USER_ID, DEMO_ADMIN_NAME, top.id, Role.ADMIN)


async def local_person_name(repos: Repositories, name: str) -> str:
    """The console's local person's name: as stored, except a placeholder (earlier versions: «Người dùng
    trên máy»; «Quản trị demo» in a database without the demo province), which becomes ``name``
    (audited); ``name`` for someone not registered yet."""
    user = await repos.users.by_platform("console", CONSOLE_USER_ID)
    if user is None:
        return name
    placeholders = {LOCAL_NAME} | ({DEMO_ADMIN_NAME} if await repos.units.by_code(DEMO_UNITS[0][0]) is None else set())
    if user.display_name not in placeholders or user.display_name == name:
        return user.display_name
    logger.info("the console's local person is named %s from now on", name)
    return (await repos.users.rename_self(user, name)).display_name
