// The seed corpus of the fuzz tests: valid inputs that the mutators start from. Generated once
// (see the commands beside each part) and committed; keep it small. It is Swift rather than
// loose files so that the test target needs no resource declarations.

/// Valid inputs of every fuzzed parser.
enum Corpus {
    /// A bundle's `entries.jsonl`: `fenhong bench generate --ledger c.db --entries 19 --seed 1 && fenhong export --ledger c.db --out cb`.
    /// Every kind of the synthetic mix: ledger.open, household.register, shares.issue, income.record,
    /// dividend.declare, dividend.allocate, dividend.pay.
    static let entries = #"""
{"at":"2018-12-20T08:01:00Z","by":"18679ef3","currency":"CNY","key":"bench-accountant+18679ef3+AbzDgy/VvL6Vsz0BsYGlLuTjupCk0nC7S3XVm//aRElf","kind":"ledger.open","org":"合成测试集体经济组织","origin":"fenhong/152223/synthetic","prev":"0000000000000000000000000000000000000000000000000000000000000000","region":["兴安盟","扎赉特旗","合成嘎查"],"seq":0,"v":1,"village":"合成嘎查"}
{"account":"****1000","at":"2018-12-20T08:02:00Z","by":"18679ef3","date":"2018-12-20","head":"户主1","household":"00000001","idMasked":"152223********1000","kind":"household.register","members":4,"poor":false,"prev":"46e73042435cdfbc3d1b3daed97e48980310628e8de119fbc903cea991acb750","seq":1,"v":1}
{"account":"****1007","at":"2018-12-20T08:02:00Z","by":"18679ef3","date":"2018-12-20","head":"户主2","household":"00000002","idMasked":"152223********1001","kind":"household.register","members":7,"poor":false,"prev":"d579c091f0e9fe043cd53d9db21db00cac99d633f991540ba7a54f13bf1f2483","seq":2,"v":1}
{"account":"****1014","at":"2018-12-20T08:02:00Z","by":"18679ef3","date":"2018-12-20","head":"户主3","household":"00000003","idMasked":"152223********1002","kind":"household.register","members":4,"poor":false,"prev":"4d99bf26570c794a481c483d409eb9ab15f73c464cd980e2e492cca904007ff0","seq":3,"v":1}
{"account":"****1021","at":"2018-12-20T08:02:00Z","by":"18679ef3","date":"2018-12-20","head":"户主4","household":"00000004","idMasked":"152223********1003","kind":"household.register","members":7,"poor":false,"prev":"d280eddd709c12e76b8ac33910c1f195f4185e8840b146aab6d6b647c6de45b2","seq":4,"v":1}
{"at":"2018-12-20T08:03:00Z","by":"18679ef3","class":"member","date":"2018-12-20","holder":"00000001","kind":"shares.issue","prev":"03da7b07f6f9578a6c4a3d4ae1c17b0e46fd7c8912e45022e10b4fc3fc9c5dc8","reason":"折股量化","seq":5,"units":4,"v":1}
{"at":"2018-12-20T08:03:00Z","by":"18679ef3","class":"member","date":"2018-12-20","holder":"00000002","kind":"shares.issue","prev":"319a41abc545e5269f3bf7f221670f8a93775c56bf11053cac878aeae3f29ac6","reason":"折股量化","seq":6,"units":7,"v":1}
{"at":"2018-12-20T08:03:00Z","by":"18679ef3","class":"member","date":"2018-12-20","holder":"00000003","kind":"shares.issue","prev":"091da08e1e1c35862752c6733283c251967d1d5c43a100fce5c472d5f9d2b5a1","reason":"折股量化","seq":7,"units":4,"v":1}
{"at":"2018-12-20T08:03:00Z","by":"18679ef3","class":"member","date":"2018-12-20","holder":"00000004","kind":"shares.issue","prev":"6e6b60776a18a8438591263652c50d3d8ccd7aae51f5cc2a346e71d38f8ab70f","reason":"折股量化","seq":8,"units":7,"v":1}
{"amount":14989925,"at":"2018-12-20T08:04:00Z","by":"18679ef3","category":"投资收益","counterparty":"合作社","date":"2019-12-20","kind":"income.record","prev":"f55ffeb8a5af619cf11e5dc91856f43fcbebc4bdf4749803e41f6f9f97a1ba1c","seq":9,"v":1}
{"allocated":13490932,"appropriations":[{"amount":1498993,"bp":1000,"name":"公积公益金"}],"at":"2018-12-20T08:05:00Z","by":"18679ef3","distributable":14989925,"id":"2019","kind":"dividend.declare","pool":13490932,"prev":"279123f79cada910283e9b28ab529bd352098d53167fa14c78004fb8fd5fe5ad","recordDate":"2019-12-20","residual":0,"rule":{"basis":"units","classes":{"member":1,"poverty":2},"method":"largest-remainder"},"seq":10,"v":1}
{"amount":2452897,"at":"2018-12-20T08:05:00Z","by":"18679ef3","household":"00000001","id":"2019","kind":"dividend.allocate","prev":"0992576087d450157809208ad62cd11be97dd82545b4ccb0c2999540d0c6cc5d","seq":11,"units":4,"v":1}
{"amount":4292569,"at":"2018-12-20T08:05:00Z","by":"18679ef3","household":"00000002","id":"2019","kind":"dividend.allocate","prev":"f12c178e6a2cf33b2c98fcba9cdd93618e0415dfad59eceeb3b96e21e82c1c98","seq":12,"units":7,"v":1}
{"amount":2452897,"at":"2018-12-20T08:05:00Z","by":"18679ef3","household":"00000003","id":"2019","kind":"dividend.allocate","prev":"5c3ac39b8c4d2bb1855b9df959b2af65c21c3bcc5a3597cc6633f340058516fe","seq":13,"units":4,"v":1}
{"amount":4292569,"at":"2018-12-20T08:05:00Z","by":"18679ef3","household":"00000004","id":"2019","kind":"dividend.allocate","prev":"1305eba23248385e743cdbd836f24b6a172468b48603fa24652466ad7c81fb48","seq":14,"units":7,"v":1}
{"account":"****1000","amount":2452897,"at":"2018-12-20T08:06:00Z","by":"18679ef3","channel":"bank","date":"2019-12-20","household":"00000001","id":"2019","kind":"dividend.pay","prev":"b88bf0abe7178202d28419b2488958d3442932c982a2deffd60f88d67e0ca4de","reference":"B2019-0","seq":15,"v":1}
{"account":"****1007","amount":4292569,"at":"2018-12-20T08:06:00Z","by":"18679ef3","channel":"bank","date":"2019-12-20","household":"00000002","id":"2019","kind":"dividend.pay","prev":"75f32005dcd1e7bbd855bb2dc1a461488588573f5efbd71eddf6c4aef460bb7f","reference":"B2019-1","seq":16,"v":1}
{"account":"****1014","amount":2452897,"at":"2018-12-20T08:06:00Z","by":"18679ef3","channel":"bank","date":"2019-12-20","household":"00000003","id":"2019","kind":"dividend.pay","prev":"ed6eb94a5ed6a8eed49a456fa903f4003d465a2ba804db916c32247ad629ae7a","reference":"B2019-2","seq":17,"v":1}
{"account":"****1021","amount":4292569,"at":"2018-12-20T08:06:00Z","by":"18679ef3","channel":"bank","date":"2019-12-20","household":"00000004","id":"2019","kind":"dividend.pay","prev":"f9b1ac4ff8e86df24112c1692ca976de559402dd0d7cfb8e88106cc1f629d0b5","reference":"B2019-3","seq":18,"v":1}

"""#

    /// The same bundle's `checkpoints/<size>.txt`, by size.
    static let checkpoints: [Int64: String] = [
        1: #"""
        fenhong/152223/synthetic
        1
        RucwQkNc37w9Gz2u2X5ImAMQYo6N4Rn7yQPOqZGst1A=
        
        — bench-accountant GGee8zy0Zx6z6Ter/ykkg21z15FA8ryAaHWGZ8Ne7hJ7lNGQ7m6FEMRV6BQ5P3flO7FCakJtJfckrr2799skVrwefQw=

        """#,
        5: #"""
        fenhong/152223/synthetic
        5
        qjQTqGVuI2N3TpZH6LTXQsOUmyKm0IaqnMq0DpYMgtw=
        
        — bench-accountant GGee84ODM9PXbUko6GU8e528BFakrdJoiUnN3mtPUCM2Xe6p+1v4zrkaXL9FSS1eYcwe4RM8mOl4uWMI2rtGQSbZnQQ=

        """#,
        9: #"""
        fenhong/152223/synthetic
        9
        1E+qQN8c2ILCPDi9TMt8Sa1DIM5vKSg2B0O49T3EwOE=
        
        — bench-accountant GGee8yg36pQhH2PQZyBoXykNxPQ7hHS+4s/6fdMpY1k3tuYmFyVegRRNPf59fMsYyPbLX2OB8YsPn7RKxofCBWT6egg=

        """#,
        10: #"""
        fenhong/152223/synthetic
        10
        3VFUzawoydmNxPllkEEBxbW6CW4hcLM0ABjrXJkxkDM=
        
        — bench-accountant GGee8wCEJ21eqUKO/UdQFfA4hvEWYeKSMbCvUNCSu8YnmXQa/qdnk3dsuVMouOSs0//cP3EFpbC/Cas2yNkcBXZIyg8=

        """#,
        15: #"""
        fenhong/152223/synthetic
        15
        Az6hI/YxJ8tvqNPHB/uqmv8/YnQIkwbSdPNki7I7umY=
        
        — bench-accountant GGee8/tvkar4fCwj5YfvSONYkW+5fKRKlScxppACDZy9HgPSqPS8q0PBLV9Y78FU0J6VQcvKk1mGKsN5x138QTh2ggQ=

        """#,
        19: #"""
        fenhong/152223/synthetic
        19
        8E1J9D/6pgyp2r5uqzcHvT86AzQpftmRbgGWAJ0tqEM=
        
        — bench-accountant GGee84IylpjdCRsu+aF7imNyzHUl3osOBPlUXIo1Ul+8v1aPTZQzrVUNlqOlgj1dfw2ZDTp/kMWDOxXEmpCtDarSGwg=

        """#,
    ]

    /// The same bundle's `keys.txt`, and an inspector key (type 4): `fenhong key generate --name inspector.zalaite --role inspector`.
    static let vkeys = ["bench-accountant+18679ef3+AbzDgy/VvL6Vsz0BsYGlLuTjupCk0nC7S3XVm//aRElf", "inspector.zalaite+d220bff8+BNhzOHF/9fcIYpvr2k7MwUprGo38D5x0rGthxqFvI1dn"]

    /// Amounts as people type them (DESIGN §2 "Money"), valid and not.
    static let amounts = ["3000", "3000.5", "3,000.00", "3000元", "¥3,000.00", "￥12.34", " 3000 ", "　3000　", "-5.00", "0", "0.01", "10,000,000,000,000.00", "1,234,567.89元", "12.345", "1,23", "abc", ""]

    /// CSV as Excel writes it: UTF-8 with CRLF and quoted fields (the import tests' households).
    static let householdsCSV =
        "household,head,members,poor,id,account,date\r\n152223-001,陈梅,2,yes,152223198001181234,6228480012345678,2018-06-01\r\n152223-002,\"包,金山\",4,no,152223197502073456,****4321,2018/6/1\r\n152223-003,\"其木格 \"\"阿妈\"\"\",3,1,15222319660305345X,6217000011112222,2018-06-01\r\n"

    /// Shares with Chinese headers and a quoted newline, in GB18030:
    /// `printf … | iconv -f UTF-8 -t GB18030 | base64 -w0`.
    static let sharesCSVGB18030Base64 = "u6e6xSy5ybHwLLnJyv0syNXG2izKwtPJCjE1MjIyMy0wMDEst/bGtrnJLDEwLDIwMTgtMDYtMDIs1du5ycG/u68KMTUyMjIzLTAwMizIy7/aucksNCwyMDE4LTA2LTAyLNXbucnBv7uvCjE1MjIyMy0wMDMsyMu/2rnJLDMsMjAxOC0wNi0wMiwi1du5ycG/u68Ku/nXvMjVMjAxNy0xMi0zMSIK"
}
