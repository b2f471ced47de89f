%% ping_pong.erl — the Erlang peer of ../ping_pong.py: two processes (the
%% main one pings) exchange MESSAGES messages; the ponger answers N with
%% N*3+1.
%%
%%   erlc ping_pong.erl && erl -noshell -run ping_pong main [MESSAGES]
-module(ping_pong).
-export([main/0, main/1]).

main() -> main([]).
main([]) -> main(["500000"]);
main([Arg]) ->
    Messages = list_to_integer(Arg),
    Self = self(),
    Ponger = spawn(fun() -> ponger(Self) end),
    Checksum = ping(0, Messages div 2, Ponger, 0),
    Ponger ! stop,
    io:format("ping-pong ~b ~b~n", [Messages, Checksum]),
    halt(0).

ping(I, Rounds, _, Checksum) when I >= Rounds -> Checksum;
ping(I, Rounds, Ponger, Checksum) ->
    Ponger ! {ping, I},
    receive
        {pong, Reply} -> ping(I + 1, Rounds, Ponger, (Checksum * 31 + Reply) rem 1000000007)
    end.

ponger(Pinger) ->
    receive
        {ping, N} -> Pinger ! {pong, N * 3 + 1}, ponger(Pinger);
        stop -> ok
    end.
