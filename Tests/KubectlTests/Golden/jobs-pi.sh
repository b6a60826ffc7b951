kubectl create job pi --image=perl:5.34.0 -- perl -Mbignum=bpi -wle 'print bpi(2000)'
kubectl get jobs
kubectl get pods -l job-name=pi
kubectl describe pod -l job-name=pi | grep -A3 Events
sleep 45
kubectl get jobs
kubectl get jobs -o wide
kubectl get pods -l job-name=pi
kubectl logs job/pi
kubectl describe job pi
kubectl get job pi -o jsonpath='{.status.conditions[*].type}{"\n"}{.status.succeeded}{"\n"}'
kubectl get pod -l job-name=pi -o jsonpath='{.items[0].metadata.ownerReferences[0].kind}{" "}{.items[0].spec.restartPolicy}{"\n"}'
kubectl create job pi --image=perl:5.34.0
kubectl create job bad --image=busybox:1.28 --from=cronjob/nothing
kubectl create job nothing --from=cronjob/nothing
kubectl delete job pi
kubectl get pods -l job-name=pi
