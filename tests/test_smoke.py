from tests.conftest import World


async def test_registered_user_gets_greeting(world: World) -> None:
    text = await world.chat(world.staff_a).text("/start")
    assert "Cán bộ, kiểm sát viên" in text and "VKSND khu vực A" in text
