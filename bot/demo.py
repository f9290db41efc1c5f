"""The console demo: a demo province, a few regional units and a demo administrator,
so a newcomer can try everything at once. Seeded only into an empty database."""

from __future__ import annotations

import logging

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


LOCAL_NAME = "Người dùng trên máy"


def console_identity(name: str | None, *, demo: bool = True) -> tuple[str, str]:
    """The platform id and display name of a console person: the demo administrator by default
    (outside the demo, the local person, who registers with ``/start CODE`` like anyone), or
    ``--as NAME``, a separate local account (registered with ``/start CODE`` like anyone)."""
    if name is None or not name.strip():
        return CONSOLE_USER_ID, DEMO_ADMIN_NAME if demo else LOCAL_NAME
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
