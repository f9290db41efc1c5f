"""User-facing Vietnamese text used by the runtime itself (the dispatcher's answers)."""

from __future__ import annotations

NOT_REGISTERED = (
    "Anh/chị chưa được cấp quyền sử dụng Trợ lý VKS.\n"
    "Vui lòng liên hệ quản trị viên của đơn vị để nhận mã mời, rồi gửi: /start MÃ_MỜI"
)
INACTIVE = "Tài khoản của anh/chị đang bị khóa. Vui lòng liên hệ quản trị viên của đơn vị."
NO_PERMISSION = "Anh/chị không có quyền dùng chức năng này. Gõ /help để xem các lệnh dành cho anh/chị."
UNKNOWN_COMMAND = "Lệnh /{name} không có. Gõ /help để xem các lệnh anh/chị dùng được."
STALE_BUTTON = "Nút này đã hết hiệu lực. Anh/chị vui lòng gửi lại lệnh hoặc gõ /help."
STALE_NUMBER = "Số {number} không có trong danh sách hiện tại. Anh/chị vui lòng chọn lại:"
NO_MENU = "Hiện không có danh sách nào để chọn số {number}. Anh/chị gõ câu hỏi hoặc một lệnh, ví dụ /help."
EMPTY = "Tin nhắn trống. Anh/chị hãy gõ câu hỏi hoặc một lệnh, ví dụ /help."
TOO_LONG = "Tin nhắn quá dài (tối đa {limit} ký tự). Anh/chị vui lòng gửi ngắn gọn hơn."
DOCUMENT_HINT = (
    "Trợ lý chỉ đọc tệp trong bước nhập bảng theo dõi thời hạn. Anh/chị gõ /{command} rồi gửi lại tệp .xlsx hoặc .csv."
)
UNSUPPORTED = "Trợ lý chỉ đọc được tin nhắn chữ{extra}. Anh/chị vui lòng gõ câu hỏi hoặc gõ /help."
ERROR = (
    "Xin lỗi, đã có lỗi khi xử lý yêu cầu (mã lỗi {ref}). Dữ liệu của anh/chị không bị thay đổi.\n"
    "Anh/chị vui lòng thử lại; nếu vẫn lỗi, báo quản trị viên kèm mã lỗi."
)
BUSY = "Yêu cầu trước của anh/chị vẫn đang được xử lý. Anh/chị vui lòng đợi giây lát."
GROUP_CHAT = "Trợ lý VKS chỉ làm việc trong tin nhắn riêng. Anh/chị vui lòng nhắn riêng cho Trợ lý."
STATE_NOT_SAVED = (
    "(Trợ lý chưa ghi được bước đang làm, mã lỗi {ref}: nội dung trên vẫn đúng, nhưng nếu các nút hoặc "
    "lựa chọn không khớp, anh/chị gõ /huy rồi làm lại.)"
)
