import random
random.seed(2026)
R=random
surn=["Nguyễn","Trần","Lê","Phạm","Hoàng","Huỳnh","Phan","Vũ","Võ","Đặng","Bùi","Đỗ","Hồ","Ngô","Dương","Lý","Đinh","Trương"]
mid=["Văn","Thị","Đức","Minh","Hữu","Ngọc","Thanh","Quốc","Thu","Kim","Xuân","Công","Đình","Quang"]
given=["An","Bình","Cường","Dũng","Giang","Hà","Hải","Hạnh","Hùng","Hương","Khoa","Lan","Linh","Long","Mai","Nam","Nga","Nhung","Phong","Phúc","Quân","Sơn","Tâm","Thảo","Thắng","Trang","Tuấn","Tùng","Vân","Yến","Hòa","Thủy","Lợi","Nghĩa","Tươi"]
streets=["Lê Lợi","Nguyễn Trãi","Trần Hưng Đạo","Hai Bà Trưng","Lý Thường Kiệt","Phan Chu Trinh","Hùng Vương","Quang Trung","Điện Biên Phủ","Cách Mạng Tháng Tám","Hàng Bạc","Láng Hạ","Bạch Đằng","Hoàng Diệu","Võ Thị Sáu"]
titles=["ông","bà","anh","chị","cháu","đồng chí","cô","chú","bác","em","cụ"]
def name(n=None):
    n=n or R.choice([1,2,3,3,3])
    if n==1: return R.choice(given)
    if n==2: return R.choice(mid)+" "+R.choice(given) if R.random()<0.3 else R.choice(surn)+" "+R.choice(given)
    return f"{R.choice(surn)} {R.choice(mid)} {R.choice(given)}"
def mobile():
    p=R.choice(["09","03","08","07","05"])+str(R.randint(0,9))+"".join(str(R.randint(0,9)) for _ in range(7))
    f=R.choice(["plain","sp433","dot433","dash433","sp334","intl","intl2","plain"])
    if f=="plain": return p
    if f=="sp433": return f"{p[:4]} {p[4:7]} {p[7:]}"
    if f=="dot433": return f"{p[:4]}.{p[4:7]}.{p[7:]}"
    if f=="dash433": return f"{p[:4]}-{p[4:7]}-{p[7:]}"
    if f=="sp334": return f"{p[:3]} {p[3:6]} {p[6:]}"
    if f=="intl": return f"+84 {p[1:4]} {p[4:7]} {p[7:]}"
    return f"+84{p[1:]}"
def landline():
    a=R.choice(["024","028","0236","0225","0258"]); rest="".join(str(R.randint(0,9)) for _ in range(11-len(a)))
    return R.choice([f"({a}) {rest[:4]} {rest[4:]}", f"{a}.{rest[:4]}.{rest[4:]}", f"{a} {rest}"])
def cccd(): return "0"+str(R.randint(1,96)).zfill(2)+str(R.randint(0,3))+str(R.randint(50,99))+"".join(str(R.randint(0,9)) for _ in range(6))
def cmnd(): return str(R.randint(1,3))+"".join(str(R.randint(0,9)) for _ in range(8))
def email():
    u=R.choice(["nguyenvan","tranthi","le.hoang","pham_minh","hoa.nguyen","tuan","lan.tran","dung","ngocmai","quanghai"])+str(R.randint(1,99))
    return u+"@"+R.choice(["gmail.com","yahoo.com.vn","hotmail.com","outlook.com","vnn.vn","fpt.vn"])
def acct(): return "".join(str(R.randint(0,9)) for _ in range(R.choice([10,12,13,14])))
banks=["Vietcombank","Agribank","BIDV","VietinBank","Techcombank","MB","ACB","Sacombank","TPBank","VPBank"]
def plate():
    f=R.choice(["car","car2","moto","moto2"])
    prov=str(R.choice([29,30,51,43,36,15,92,59,61,77]))
    if f=="car": return f"{prov}{R.choice('ABCDEFGHK')}-{R.randint(100,999)}.{R.randint(10,99)}"
    if f=="car2": return f"{prov}{R.choice('ABCDEFGHK')} {R.randint(100,999)}.{R.randint(10,99)}"
    if f=="moto": return f"{prov}-{R.choice('BDEFGHKLMNPSTVXYZ')}{R.randint(1,9)} {R.randint(100,999)}.{R.randint(10,99)}"
    return f"{prov}{R.choice('BDEFGHKLMNPSTVXYZ')}{R.randint(1,9)}-{R.randint(100,999)}.{R.randint(10,99)}"
def addr():
    n=R.randint(1,300)
    f=R.choice(["so_ngo_pho","sonha_duong","slash","num_duong","hem","so_duong"])
    if f=="so_ngo_pho": return f"số {n} ngõ {R.randint(1,200)} phố {R.choice(streets)}"
    if f=="sonha_duong": return f"số nhà {n}, đường {R.choice(streets)}"
    if f=="slash": return f"{n}/{R.randint(1,40)} {R.choice(streets)}"
    if f=="num_duong": return f"{n} đường {R.choice(streets)}"
    if f=="hem": return f"số {n} hẻm {R.randint(1,90)}/{R.randint(1,20)} {R.choice(streets)}"
    return f"số {n} {R.choice(streets)}"
T=lambda k,v: f"[[{k}|{v}]]"
def tn(): 
    t=R.choice(titles); return t, T("NAME",name())
templates=[
 lambda: "Người dân phản ánh qua số {} về tình trạng ngập úng kéo dài.".format(T("PHONE",mobile())),
 lambda: "Đề nghị liên hệ {} {} theo số {} để được hướng dẫn.".format(*tn(), T("PHONE",mobile())),
 lambda: "{} {} cho biết gia đình đã gửi đơn từ tháng 3 nhưng chưa được trả lời.".format(*(lambda t,n:(t.capitalize(),n))(*tn())),
 lambda: "Chủ hộ là {} {}, số CCCD {}, đề nghị xem xét lại mức bồi thường.".format(*tn(), T("CCCD",cccd())),
 lambda: "Căn cước công dân số {} cấp ngày 12/5/2021.".format(T("CCCD",cccd())),
 lambda: "CMND số {} do Công an tỉnh cấp năm 2010 đã hết hạn.".format(T("CMND",cmnd())),
 lambda: "Mọi ý kiến xin gửi về email {} trước ngày 30/6.".format(T("EMAIL",email())),
 lambda: "{} {} gửi phản ánh qua địa chỉ {} kèm ảnh chụp hiện trường.".format(*(lambda t,n:(t.capitalize(),n))(*tn()), T("EMAIL",email())),
 lambda: "Ủng hộ đồng bào vùng lũ qua số tài khoản {} tại {}.".format(T("BANK",acct()), R.choice(banks)),
 lambda: "STK {} {} chủ tài khoản {}.".format(T("BANK",acct()), R.choice(banks), T("NAME",name(3))),
 lambda: "Chuyển khoản về {} số {} với nội dung ghi rõ họ tên.".format(R.choice(banks), T("BANK",acct())),
 lambda: "Xe ô tô biển số {} dừng đỗ trái phép trước cổng trường.".format(T("PLATE",plate())),
 lambda: "Người dân ghi lại được xe máy mang biển kiểm soát {} chạy quá tốc độ.".format(T("PLATE",plate())),
 lambda: "Hộ gia đình tại {} bị ảnh hưởng bởi tiếng ồn công trình.".format(T("ADDRESS",addr())),
 lambda: "{} {} trú tại {} phản ánh việc lấn chiếm vỉa hè.".format(*(lambda t,n:(t.capitalize(),n))(*tn()), T("ADDRESS",addr())),
 lambda: "Rác thải tồn đọng nhiều ngày trước nhà {}, đề nghị xử lý.".format(T("ADDRESS",addr())),
 lambda: "Tôi là {}, số điện thoại {}, xin phản ánh việc cấp nước không ổn định.".format(T("NAME",name(3)), T("PHONE",mobile())),
 lambda: "Gọi {} hoặc {} để báo cháy tại khu dân cư.".format(T("PHONE",landline()), T("PHONE",mobile())),
 lambda: "Con trai {} {} bị xe biển số {} va quệt rồi bỏ chạy.".format(*tn(), T("PLATE",plate())),
 lambda: "Theo lời kể của {} {}, sự việc xảy ra lúc 22 giờ ngày 14/8.".format(*tn()),
 lambda: "Đồng chí {} đã trực tiếp xuống hiện trường kiểm tra.".format(T("NAME",name())),
 lambda: "Gia đình {} {} ở {} mong được hỗ trợ sửa nhà sau bão.".format(*tn(), T("ADDRESS",addr())),
 lambda: "Liên hệ {} (ĐT: {}) để đăng ký tiêm chủng.".format(T("NAME",name(3)), T("PHONE",mobile())),
 lambda: "Điện thoại đường dây nóng của phường là {}.".format(T("PHONE",landline())),
 lambda: "Cháu {} học lớp 5 chưa được nhận hỗ trợ sách giáo khoa.".format(T("NAME",name(R.choice([1,3])))),
 lambda: "Bà con phản ánh {} {} thu tiền sai quy định, số CCCD của người nộp là {}.".format(*tn(), T("CCCD",cccd())),
 lambda: "Thông tin cá nhân: {}, sinh năm 1985, CCCD {}, điện thoại {}.".format(T("NAME",name(3)), T("CCCD",cccd()), T("PHONE",mobile())),
 lambda: "Em {} gửi email {} hỏi về thủ tục cấp giấy khai sinh.".format(T("NAME",name()), T("EMAIL",email())),
]
negatives=[
 "Giá lúa tăng 500 đồng mỗi kg so với tháng trước.",
 "Năm 2025 toàn tỉnh có 1.250 hộ thoát nghèo.",
 "Nghị định 356/2025/NĐ-CP có hiệu lực từ ngày 1/1/2026.",
 "Bà con nông dân phấn khởi vì được mùa.",
 "Ông bà ta có câu: ăn quả nhớ kẻ trồng cây.",
 "Anh hùng lao động được vinh danh tại hội nghị.",
 "Tổng đài 1900 1234 hoạt động 24/7 để tiếp nhận phản ánh.",
 "Dự án có tổng vốn đầu tư 2.345.000.000 đồng.",
 "Quyết định số 15/2024/QĐ-UBND quy định về quản lý vỉa hè.",
 "Phường 12 tổ chức ra quân dọn vệ sinh vào sáng chủ nhật.",
 "Ông Chủ tịch UBND xã đã chỉ đạo kiểm tra ngay.",
 "Bà Chủ tịch Hội Liên hiệp Phụ nữ phát biểu khai mạc.",
 "Anh em trong đội đều nhiệt tình tham gia.",
 "Tỷ lệ hộ dùng nước sạch đạt 98,5% trong quý III.",
 "Đường dây nóng 113 luôn sẵn sàng tiếp nhận tin báo.",
 "Khoảng 300 người dân tham dự buổi đối thoại.",
 "Chị em phụ nữ trong xã tích cực tham gia phong trào.",
 "Mức hỗ trợ là 1.500.000 đồng mỗi tháng.",
 "Trận mưa lớn kéo dài từ 20 giờ đến 23 giờ 30.",
 "Giá vé tàu Thống Nhất tăng khoảng 10% dịp Tết.",
 "Thông tư 12/2023/TT-BTC hướng dẫn về phí, lệ phí.",
 "Cô giáo và học sinh trường tiểu học dọn dẹp lớp học sau lũ.",
 "Quốc lộ 1A đoạn qua xã bị sạt lở nghiêm trọng.",
 "Cầu Rồng ở Đà Nẵng phun lửa vào tối thứ bảy.",
 "Diện tích lúa bị thiệt hại ước tính 2.300 ha.",
 "Năm học 2025-2026 có 512 học sinh nhập học.",
 "Ông bà cha mẹ cần quan tâm đến việc học của con em.",
 "Anh chị em công nhân được nghỉ lễ 4 ngày.",
 "Chủ tịch nước tiếp đoàn đại biểu người có công.",
 "Bà con cần cảnh giác với các cuộc gọi lừa đảo.",
 "Các hộ dân sống ven sông Hồng được di dời an toàn.",
 "Tỉnh có 34 đơn vị hành chính cấp xã sau sắp xếp.",
 "Chiều dài tuyến đường là 12,5 km với 4 làn xe.",
 "Sản lượng cà phê đạt 1.750.000 tấn.",
 "Website của Sở Y tế đã cập nhật thông tin mới.",
 "Giờ làm việc từ 7 giờ 30 đến 17 giờ hằng ngày.",
 "Mã hồ sơ 2025-000123 đã được tiếp nhận.",
 "Khu công nghiệp thu hút 120 dự án với tổng vốn 3,2 tỷ USD.",
 "Chị Hằng Nga là nhân vật trong truyện cổ tích.",
 "Ngày 30-4-1975 là ngày giải phóng miền Nam.",
 "Nhiệt độ cao nhất 39 độ C, độ ẩm 55%.",
 "Bác sĩ khuyến cáo người dân uống đủ nước.",
 "Đồng chí Bí thư Tỉnh ủy thăm hỏi gia đình chính sách.",
 "Sau 15 năm, con đường đã được nâng cấp.",
 "Lãi suất tiết kiệm kỳ hạn 12 tháng là 5,2%.",
 "Bến xe phía Nam có 450 chuyến mỗi ngày.",
 "Công văn số 2345/UBND-KT gửi các sở ngành.",
 "Hội nghị có 150 đại biểu tham dự.",
 "Cơn bão số 3 đổ bộ vào đất liền lúc 10 giờ.",
 "Tuyến buýt số 32 điều chỉnh lộ trình từ tháng sau.",
 "Khoảng 70% người được hỏi hài lòng với dịch vụ công.",
 "Vụ việc đã được chuyển cho cơ quan chức năng xử lý.",
 "Cụ thể, có 12 trường hợp vi phạm được lập biên bản.",
 "Em bé được cấp cứu kịp thời tại bệnh viện huyện.",
 "Chú ý: đường Láng Hạ cấm xe tải từ 6 giờ đến 21 giờ.",
 "Giá điện sinh hoạt bậc 1 là 1.893 đồng mỗi kWh.",
 "Người dân có thể gửi phản ánh qua cổng dịch vụ công.",
 "Đoàn kiểm tra làm việc tại 5 xã trong 3 ngày.",
 "Ông Trời không phụ lòng người, mùa màng bội thu.",
 "Mã số thuế của doanh nghiệp được công khai trên cổng thông tin.",
 "Nhà văn hóa thôn được xây mới với kinh phí 800 triệu đồng.",
 "Các em học sinh lớp 9 ôn thi vào lớp 10.",
 "Đến ngày 15/9, có 98% học sinh đến trường.",
 "Tổng đài 1800 5678 miễn phí cho người dân.",
 "Sân vận động có sức chứa 20.000 chỗ ngồi.",
 "Khu vực phía Bắc có mưa rào và dông.",
 "Thủ tướng yêu cầu các bộ ngành khẩn trương triển khai.",
 "Thu nhập bình quân đầu người đạt 75 triệu đồng một năm.",
 "Đề án 06 của Chính phủ về dữ liệu dân cư tiếp tục triển khai.",
 "Xe buýt điện bắt đầu chạy thử từ tháng 12.",
]
lines=["# Labelled redaction set: fictional sentences written for DuLuan tests. Markup [[KIND|text]]; kinds PHONE CCCD CMND EMAIL BANK PLATE ADDRESS NAME. Lines without markup contain no personal data."]
for i in range(260):
    lines.append(templates[i % len(templates)]())
lines+=negatives
open('sentences.txt','w',encoding='utf-8').write("\n".join(lines)+"\n")
print(len(lines)-1)
hand=[
 "Zalo của anh [[NAME|Tư]] là [[PHONE|0987.654.321]], ai biết thông tin xin báo giúp.",
 "Nhà bà [[NAME|Sáu]] ở kiệt [[ADDRESS|45 Hùng Vương]] bị nứt tường sau khi thi công cống.",
 "Ai nhặt được ví xin liên hệ [[PHONE|0913 22 44 66]], xin cảm ơn.",
 "Chị [[NAME|Nguyễn Thị Thu Hà]] (sinh năm 1990) đề nghị được cấp lại sổ đỏ.",
 "Đơn của ông [[NAME|Lê Văn Tám]] gửi lần thứ ba vẫn chưa có hồi âm.",
 "SĐT liên hệ: [[PHONE|0868123456]] (gặp chị [[NAME|Hoa]]).",
 "Mẹ cháu [[NAME|Minh]] cho biết cháu bị bỏ đói ở nhóm trẻ tư thục.",
 "Số điện thoại bàn [[PHONE|024 3826 7788]] không ai nghe máy.",
 "Gửi tiền cho tôi qua STK [[BANK|1903 5567 8899 01]] Techcombank.",
 "Thôn 3, xã Hòa Phú có 12 hộ bị ngập sâu.",
 "Xe tải [[PLATE|43C-123.45]] chở đất rơi vãi trên đường.",
 "Bạn [[NAME|Phương]] học lớp 11A2 bị bắt nạt, phụ huynh đề nghị nhà trường xử lý.",
 "Email: [[EMAIL|hotro.dan.sinh@gmail.com]], điện thoại: [[PHONE|0911 000 111]].",
 "Ông [[NAME|Hai Lúa]] trồng cây ăn trái trên đất lấn chiếm bờ sông.",
 "Vợ chồng anh [[NAME|Khánh]] chị [[NAME|Ngân]] đã nộp hồ sơ vay vốn từ tháng 5.",
 "Căn hộ [[ADDRESS|số 1205 tòa A2]] chung cư bị thấm nước.",
 "Thông tin người báo: [[NAME|Trần Thị Bích]], CCCD: [[CCCD|079185001234]].",
 "Người phản ánh để lại số [[PHONE|+84 90 123 4567]] và đề nghị giữ bí mật.",
 "Anh ấy không muốn nêu tên vì sợ bị trả thù.",
 "Nhà văn hóa khu phố 4 xuống cấp nghiêm trọng.",
 "Tài khoản Facebook giả mạo UBND phường đăng tin sai sự thật.",
 "Địa chỉ: [[ADDRESS|số 7, ngõ 12, phố Hàng Bông]], Hoàn Kiếm, Hà Nội.",
 "Cô [[NAME|Lan]] giáo viên mầm non được khen thưởng vì cứu trẻ đuối nước.",
 "Chú [[NAME|Ba Tèo]] bán hàng rong ở chợ đêm cho biết bị thu phí vô lý.",
 "Tôi tên [[NAME|Hùng]], ở tổ 5 phường Bến Thành.",
 "Biển số xe [[PLATE|59X3-456.78]] đã bị camera ghi lại.",
 "Hotline Sở Xây dựng 1900 9090 tiếp nhận phản ánh về trật tự đô thị.",
 "Mẫu đơn có tại bộ phận một cửa, số điện thoại 1022.",
 "Giá thuê nhà trọ tăng từ 2 triệu lên 2,5 triệu đồng một tháng.",
 "Hộ ông [[NAME|Đặng Văn Lâm]] được hỗ trợ 30 triệu đồng làm nhà.",
 "CMT [[CMND|025123456]] của tôi bị mất, đề nghị hướng dẫn làm lại.",
 "Quản lý thị trường thu giữ 2.000 sản phẩm không rõ nguồn gốc.",
 "Đồng chí [[NAME|Trần Quốc Toản]] phụ trách địa bàn đã nắm tình hình.",
 "Địa điểm tiếp dân đặt tại [[ADDRESS|số 25 đường Lý Tự Trọng]].",
 "Nhiều người dân thắc mắc về mức thu phí rác năm 2026.",
 "Con gái bà [[NAME|Tư]] bị xe [[PLATE|51G-888.99]] tông trúng.",
 "Số tài khoản nhận ủng hộ: [[BANK|0071001234567]] - Vietcombank.",
 "Bé [[NAME|Na]] 3 tuổi đi lạc đã được đưa về nhà an toàn.",
 "Liên hệ qua email [[EMAIL|tran.b@vnu.edu.vn]] để nhận tài liệu.",
 "Ông ta nói sẽ khiếu nại lên cấp trên.",
]
lines=lines+hand
open('sentences.txt','w',encoding='utf-8').write("\n".join(lines)+"\n")
print(len(lines)-1)
