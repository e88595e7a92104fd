# bash completion for disclex(1); installed as
# $(PREFIX)/share/bash-completion/completions/disclex.  Keep the option list
# in step with `disclex --help` (tests/docs_agree.py checks it).
_disclex()
{
	local cur prev
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	if [[ ${COMP_WORDS[1]} == batch && $COMP_CWORD -gt 1 ]]; then
		case $prev in
		--db|--errors) COMPREPLY=($(compgen -f -- "$cur")); return ;;
		--out|--schemas) COMPREPLY=($(compgen -d -- "$cur")); return ;;
		-j|--jobs|--timeout|--memory) return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '-j --jobs --db --out --ndjson --errors --retry-failed --timeout
				--memory --schemas -q --quiet -h --help' -- "$cur"))
		else
			COMPREPLY=($(compgen -f -- "$cur"))
		fi
		return
	fi
	if [[ ${COMP_WORDS[1]} == inspect && $COMP_CWORD -gt 1 ]]; then
		case $prev in
		-o|--output) COMPREPLY=($(compgen -f -- "$cur")); return ;;
		--schemas) COMPREPLY=($(compgen -d -- "$cur")); return ;;
		--pages) return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '-o --output --pages --schemas -h --help' -- "$cur"))
		else
			COMPREPLY=($(compgen -f -X '!*.[pP][dD][fF]' -- "$cur"))
		fi
		return
	fi
	case $prev in
	-o|--output|--db)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	-f|--format)
		COMPREPLY=($(compgen -W 'json ndjson csv xlsx sqlite html' -- "$cur"))
		return ;;
	--unit)
		COMPREPLY=($(compgen -W 'yuan qianyuan wanyuan yiyuan 元 千元 万元 亿元' -- "$cur"))
		return ;;
	--input-format)
		COMPREPLY=($(compgen -W 'pdf html text' -- "$cur"))
		return ;;
	--schemas|--wide)
		COMPREPLY=($(compgen -d -- "$cur"))
		return ;;
	--pages|--timeout|--max-cells)
		return ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W '-o --output -f --format --db --force --wide --ndjson --bom --raw-csv --unit --facts
			--schemas --pages --input-format --timeout --max-cells --no-ocr --strict -q --quiet -h --help
			--version' -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
	[[ $COMP_CWORD == 1 ]] && COMPREPLY+=($(compgen -W 'batch merge inspect' -- "$cur"))
}
complete -o filenames -F _disclex disclex
