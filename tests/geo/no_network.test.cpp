// Untrusted files never make briefmap reach the network: a listener on 127.0.0.1 stands in for the
// internet, and files that point GDAL at it (a GeoJSON "link" CRS, a KML NetworkLink, a VRT in the
// geodata folder, /vsicurl/ paths) must leave it with no connection at all.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "test_support.hpp"

using namespace briefmap;
namespace fs = std::filesystem;

namespace {

// Accepts and counts connections on an ephemeral port until destroyed.
class CountingListener {
public:
    CountingListener() {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        ::listen(m_fd, 16);
        socklen_t len = sizeof addr;
        ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        m_thread = std::thread([this] {
            while (!m_stop) {
                pollfd p{m_fd, POLLIN, 0};
                if (::poll(&p, 1, 50) > 0) {
                    const int c = ::accept(m_fd, nullptr, nullptr);
                    if (c >= 0) {
                        ++m_connections;
                        ::close(c);
                    }
                }
            }
        });
    }
    ~CountingListener() {
        m_stop = true;
        m_thread.join();
        ::close(m_fd);
    }
    int port() const { return m_port; }
    int connections() const { return m_connections; }

private:
    int m_fd = -1, m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_connections{0};
    std::thread m_thread;
};

}  // namespace

TEST_CASE("no input makes briefmap open a network connection") {
    CountingListener listener;
    REQUIRE(listener.port() > 0);
    const std::string url = "http://127.0.0.1:" + std::to_string(listener.port());
    const fs::path dir = test::makeTempDir("briefmap-no-network");

    test::writeTextFile(dir / "link-crs.geojson",
                        R"({"type": "FeatureCollection", "crs": {"type": "link", "properties": {"href": ")" + url +
                            R"(/crs.wkt", "type": "ogcwkt"}}, "features": [{"type": "Feature", "properties": {"date": "2024-01-02"},
                            "geometry": {"type": "Point", "coordinates": [30.5, 50.4]}}]})");
    test::writeTextFile(dir / "network-link.kml",
                        R"(<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<NetworkLink><name>more</name><Link><href>)" + url + R"(/more.kml</href></Link></NetworkLink>
<Placemark><name>Kyiv</name><TimeStamp><when>2024-01-02</when></TimeStamp><Point><coordinates>30.5,50.4</coordinates></Point></Placemark>
</Document></kml>)");
    test::writeTextFile(dir / "remote.vrt", "<OGRVRTDataSource><OGRVRTLayer name=\"x\"><SrcDataSource>/vsicurl/" + url +
                                                "/x.csv</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>");
    // A geodata folder whose basemap is a VRT and a GeoJSON pointing at the listener.
    fs::create_directories(dir / "geodata");
    for (const auto& entry : fs::directory_iterator(std::string(BRIEFMAP_SOURCE_DIR) + "/geodata"))
        fs::copy(entry.path(), dir / "geodata" / entry.path().filename());
    fs::remove(dir / "geodata" / "countries-50m.fgb");
    fs::copy(dir / "remote.vrt", dir / "geodata" / "countries-50m.fgb");
    fs::create_directories(dir / "geodata2");
    for (const auto& entry : fs::directory_iterator(std::string(BRIEFMAP_SOURCE_DIR) + "/geodata"))
        fs::copy(entry.path(), dir / "geodata2" / entry.path().filename());
    fs::remove(dir / "geodata2" / "admin1-lines.fgb");
    fs::copy(dir / "link-crs.geojson", dir / "geodata2" / "admin1-lines.fgb");

    const std::string out = (dir / "out.png").string();
    struct Run {
        std::vector<std::string> args;
        int exitCode;
    };
    const Run runs[] = {
        {{"validate", (dir / "link-crs.geojson").string()}, -1},
        {{"validate", (dir / "network-link.kml").string()}, 0},
        {{"validate", (dir / "remote.vrt").string()}, 1},
        {{"validate", "/vsicurl/" + url + "/x.csv"}, 1},
        {{"validate", url + "/x.geojson"}, 1},
        {{"export", "--data", "/vsicurl/" + url + "/x.csv", "--out", out}, 1},
        {{"export", "--geodata", (dir / "geodata").string(), "--out", out}, 1},
        {{"export", "--geodata", (dir / "geodata2").string(), "--out", out}, -1},
        {{"export", "--geodata", "/vsicurl/" + url + "/geodata", "--out", out}, -1},
    };
    for (const Run& r : runs) {
        std::string command;
        for (const std::string& a : r.args) command += a + " ";
        CAPTURE(command);
        const auto run = test::runBriefmap(r.args);
        if (r.exitCode >= 0) CHECK_MESSAGE(run.exitCode == r.exitCode, run.output);
        CHECK(listener.connections() == 0);
    }
    fs::remove_all(dir);
}
