// Reads back what the writer made (tests and the benchmark check codec, frame count, duration and
// pixels): demux, decode every frame, convert to RGB with the matrix the stream is tagged with.
#include "export/video/video_reader.hpp"

extern "C" {
#include <libavutil/imgutils.h>
}

#include <vector>

#include "export/video/av_util.hpp"

namespace briefmap::video {

namespace {

struct Input {
    AVFormatContext* format = nullptr;
    ~Input() { avformat_close_input(&format); }
};

Status forEachFrame(const std::string& path, VideoProbe* probe, const FrameVisitor* visit) {
    av_log_set_level(AV_LOG_ERROR);
    Input in;
    int err = avformat_open_input(&in.format, path.c_str(), nullptr, nullptr);
    if (err < 0) return Error{path + ": " + avError(err)};
    if ((err = avformat_find_stream_info(in.format, nullptr)) < 0) return Error{path + ": " + avError(err)};
    const AVCodec* codec = nullptr;
    const int streamIndex = av_find_best_stream(in.format, AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0);
    if (streamIndex < 0 || !codec) return Error{path + ": no video stream"};
    AVStream* stream = in.format->streams[streamIndex];
    CodecContextPtr dec(avcodec_alloc_context3(codec));
    avcodec_parameters_to_context(dec.get(), stream->codecpar);
    if ((err = avcodec_open2(dec.get(), codec, nullptr)) < 0) return Error{path + ": " + avError(err)};
    if (probe) {
        probe->container = in.format->iformat->name;
        probe->codec = codec->name;
        probe->width = dec->width;
        probe->height = dec->height;
        probe->durationSeconds = in.format->duration > 0 ? static_cast<double>(in.format->duration) / AV_TIME_BASE : 0;
        probe->fps = stream->avg_frame_rate.den ? av_q2d(stream->avg_frame_rate) : 0;
    }
    PacketPtr packet(av_packet_alloc());
    FramePtr frame(av_frame_alloc());
    SwsPtr sws;
    std::vector<uint8_t> rgb;
    int index = 0;
    bool stop = false;
    const auto receive = [&]() -> Status {
        for (;;) {
            const int r = avcodec_receive_frame(dec.get(), frame.get());
            if (r == AVERROR(EAGAIN) || r == AVERROR_EOF) return Done{};
            if (r < 0) return Error{path + ": decoding: " + avError(r)};
            if (visit && !stop) {
                const int w = frame->width, h = frame->height;
                if (!sws) {
                    sws.reset(sws_getContext(w, h, static_cast<AVPixelFormat>(frame->format), w, h, AV_PIX_FMT_RGB24,
                                             SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, nullptr, nullptr, nullptr));
                    if (frame->colorspace == AVCOL_SPC_BT709) {
                        const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
                        sws_setColorspaceDetails(sws.get(), bt709, frame->color_range == AVCOL_RANGE_JPEG, bt709, 1, 0,
                                                 1 << 16, 1 << 16);
                    }
                    rgb.resize(static_cast<size_t>(w) * h * 3);
                }
                uint8_t* dst[1] = {rgb.data()};
                const int dstStride[1] = {w * 3};
                sws_scale(sws.get(), frame->data, frame->linesize, 0, h, dst, dstStride);
                if (!(*visit)(index, rgb.data(), w, h)) stop = true;
            }
            ++index;
            av_frame_unref(frame.get());
        }
    };
    while (av_read_frame(in.format, packet.get()) >= 0) {
        if (packet->stream_index == streamIndex) {
            err = avcodec_send_packet(dec.get(), packet.get());
            av_packet_unref(packet.get());
            if (err < 0 && err != AVERROR(EAGAIN)) return Error{path + ": decoding: " + avError(err)};
            if (Status s = receive(); !s) return s;
        } else {
            av_packet_unref(packet.get());
        }
    }
    avcodec_send_packet(dec.get(), nullptr);
    if (Status s = receive(); !s) return s;
    if (probe) probe->frames = index;
    return Done{};
}

}  // namespace

Result<VideoProbe> probeVideo(const std::string& path) {
    VideoProbe probe;
    if (Status s = forEachFrame(path, &probe, nullptr); !s) return s.error();
    return probe;
}

Status decodeVideoFrames(const std::string& path, const FrameVisitor& visit) { return forEachFrame(path, nullptr, &visit); }

}  // namespace briefmap::video
