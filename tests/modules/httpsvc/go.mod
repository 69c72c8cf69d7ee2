module example.com/httpsvc

go 1.22
